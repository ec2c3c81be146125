/**
 * The first run's words (messages.ts spreads them into the pane's catalog):
 * what "create the structure" made, and adding the team to Salespeople.
 */
import type { LocalizedText } from "../../core/contract/lang";

export const TEAM_MESSAGES = {
  setupCreated: { zh: "已创建 {count} 个工作表，各含同名表格：", en: "Created {count} sheets, each holding its table of the same name:" },
  setupNothingCreated: { zh: "TradeBook 的表格都已存在。", en: "Every TradeBook table was already there." },
  setupColumnsAdded: { zh: "补充了缺少的列：{list}。", en: "Added missing columns: {list}." },
  teamTitle: { zh: "添加团队成员", en: "Add your team" },
  teamBody: { zh: "每位业务员一行，姓名按团队的习惯写（中文或英文均可）。将写入「{sheet}」工作表，然后选择您是哪位。", en: "One row per salesperson, with the name as your team writes it (Chinese or English). They go into the {sheet} sheet; then pick who you are." },
  teamPerson: { zh: "业务员 {n}", en: "Salesperson {n}" },
  teamName: { zh: "姓名", en: "Name" },
  teamHireDate: { zh: "入职日期", en: "Hire date" },
  teamManager: { zh: "经理（可选）", en: "Manager (optional)" },
  teamAddRow: { zh: "再添加一位", en: "Add another" },
  teamRemoveRow: { zh: "删除业务员 {n}", en: "Remove salesperson {n}" },
  teamRemove: { zh: "删除", en: "Remove" },
  teamSave: { zh: "保存团队", en: "Save the team" },
  teamSaved: { zh: "已添加 {count} 位业务员到「{sheet}」。", en: "{count} salespeople added to {sheet}." },
  teamSheetHint: { zh: "也可以直接在「{sheet}」工作表中填写，然后点“刷新”。", en: "Or type them into the {sheet} sheet, then press Refresh." },
  duplicateName: { zh: "团队中已有此姓名。", en: "Already in the team." },
} satisfies Readonly<Record<string, LocalizedText>>;
