/**
 * Builds a localized custom-functions metadata file from the generated
 * English one: same ids, names, types and options; descriptions replaced
 * from a translation map. Missing or stale translations are reported, so the
 * build can fail instead of shipping half-English metadata.
 */
import type { FunctionText } from "./zh-CN";

interface ParameterMetadata {
  name: string;
  description?: string;
  [key: string]: unknown;
}

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result?: { description?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface FunctionsMetadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}

export interface Localized {
  readonly metadata: FunctionsMetadata;
  readonly problems: string[];
}

export function localizeMetadata(english: FunctionsMetadata, texts: Readonly<Record<string, FunctionText>>, locale: string): Localized {
  const problems: string[] = [];
  const ids = new Set(english.functions.map((f) => f.id));
  for (const id of Object.keys(texts)) if (!ids.has(id)) problems.push(`${locale}: translation for unknown function ${id}`);
  const functions = english.functions.map((f): FunctionMetadata => {
    const t = texts[f.id];
    if (!t) {
      problems.push(`${locale}: no translation for function ${f.id}`);
      return f;
    }
    const names = new Set(f.parameters.map((p) => p.name));
    for (const p of Object.keys(t.parameters)) if (!names.has(p)) problems.push(`${locale}: ${f.id} has no parameter ${p}`);
    return {
      ...f,
      description: t.description,
      parameters: f.parameters.map((p) => {
        const d = t.parameters[p.name];
        if (d === undefined) problems.push(`${locale}: no translation for ${f.id}(${p.name})`);
        return d === undefined ? p : { ...p, description: d };
      }),
    };
  });
  return { metadata: { ...english, functions }, problems };
}
