/** One instruction of a Dockerfile: its keyword (upper case) and the rest of its line, joined. */
export interface DockerInstruction {
  keyword: string;
  args: string;
}

/** One stage: the image it starts `FROM`, its name (`AS name`), and the instructions that follow. */
export interface DockerStage {
  image: string;
  name: string | null;
  instructions: DockerInstruction[];
}

/**
 * Reads a Dockerfile as the builder does, for what the tests check: comment lines dropped, lines
 * ending in `\` continued, one stage per `FROM`. Options of `FROM` (`--platform`) are skipped.
 */
export function parseDockerfile(text: string): DockerStage[] {
  const stages: DockerStage[] = [];
  for (const line of logicalLines(text)) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line)!;
    const instruction = { keyword: keyword.toUpperCase(), args: args.trim() };
    if (instruction.keyword === 'FROM') {
      const words = instruction.args.split(/\s+/).filter((word) => !word.startsWith('--'));
      const named = words.length === 3 && words[1].toUpperCase() === 'AS';
      stages.push({ image: words[0], name: named ? words[2] : null, instructions: [] });
    } else {
      if (stages.length === 0) throw new Error(`${instruction.keyword} before any FROM`);
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return stages;
}

/** The command of an exec-form instruction (`["node", "main.js"]`), or null for the shell form. */
export function execForm(args: string): string[] | null {
  if (!args.startsWith('[')) return null;
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((word) => typeof word === 'string')) return null;
  return parsed;
}

/** The instructions of `keyword` in a stage, in order. */
export function instructionsOf(stage: DockerStage, keyword: string): string[] {
  return stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
}

function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const whole = (pending + line).trim();
    pending = '';
    if (whole !== '') lines.push(whole);
  }
  if (pending.trim() !== '') lines.push(pending.trim());
  return lines;
}
