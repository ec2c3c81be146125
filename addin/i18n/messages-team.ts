/**
 * The words of the first run (messages.ts spreads them into its catalogs):
 * what "create the structure" made, and adding the team to Salespeople.
 */
export const TEAM_EN = {
  setupCreated: "Created {count} sheets, each holding its table of the same name:",
  setupNothingCreated: "Every TradeBook table was already there.",
  setupColumnsAdded: "Added missing columns: {list}.",
  teamTitle: "Add your team",
  teamBody: "One row per salesperson, with the name as your team writes it (Chinese or English). They go into the {sheet} sheet; then pick who you are.",
  teamPerson: "Salesperson {n}",
  teamName: "Name",
  teamHireDate: "Hire date",
  teamManager: "Manager (optional)",
  teamAddRow: "Add another",
  teamRemoveRow: "Remove salesperson {n}",
  teamRemove: "Remove",
  teamSave: "Save the team",
  teamSaved: "{count} salespeople added to {sheet}.",
  teamSheetHint: "Or type them into the {sheet} sheet, then press Refresh.",
  duplicateName: "Already in the team.",
} as const;

export const TEAM_ZH: Record<keyof typeof TEAM_EN, string> = {
  setupCreated: "已创建 {count} 个工作表，各含同名表格：",
  setupNothingCreated: "TradeBook 的表格都已存在。",
  setupColumnsAdded: "补充了缺少的列：{list}。",
  teamTitle: "添加团队成员",
  teamBody: "每位业务员一行，姓名按团队的习惯写（中文或英文均可）。将写入「{sheet}」工作表，然后选择您是哪位。",
  teamPerson: "业务员 {n}",
  teamName: "姓名",
  teamHireDate: "入职日期",
  teamManager: "经理（可选）",
  teamAddRow: "再添加一位",
  teamRemoveRow: "删除业务员 {n}",
  teamRemove: "删除",
  teamSave: "保存团队",
  teamSaved: "已添加 {count} 位业务员到「{sheet}」。",
  teamSheetHint: "也可以直接在「{sheet}」工作表中填写，然后点“刷新”。",
  duplicateName: "团队中已有此姓名。",
};
