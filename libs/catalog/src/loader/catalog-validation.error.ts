/** One problem found in the matrix files, located for the person who edits them. */
export interface CatalogProblem {
  file: string;
  line: number;
  action?: string;
  message: string;
}

export function formatProblem(problem: CatalogProblem): string {
  const where = problem.action ? ` action ${problem.action}:` : '';
  return `${problem.file}:${problem.line}:${where} ${problem.message}`;
}

/** The matrix files are invalid: the engine must not start on them. */
export class CatalogValidationError extends Error {
  constructor(readonly problems: CatalogProblem[]) {
    super(`The RACI catalog is invalid:\n${problems.map(formatProblem).join('\n')}`);
  }

  /** One line per problem, for the start to print before it stops. */
  get startupLines(): string[] {
    return [
      `the RACI catalog is invalid (${this.problems.length} problem(s)):`,
      ...this.problems.map(formatProblem),
    ];
  }
}
