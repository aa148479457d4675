// The fake host's register CSV import: files a test stages by path, read with the engine's rules for columns (headings as field names, a mapping, an empty field left out) and each row checked as the form is; rows match nothing already kept.
import type { CsvImport, ImportColumn, Register, RowProblem } from '../bindings';
import type { Host } from './host';

type Add = Host['addRegisterEntry'];
type Problems = Host['checkRegisterEntry'];

/** "Start Date", "start-date" and "start_date" are one, as the engine reads them. */
const normalised = (text: string) => text.trim().toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join('_');

/** One line's cells; a quoted cell may hold commas and doubled quotes. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') (cell += '"'), i++;
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) out.push(cell), (cell = '');
    else cell += c;
  }
  return [...out, cell];
}

export function fakeRegisterImport(fields: Host['registerFields'], check: Problems, add: Add) {
  const staged = new Map<string, string>();
  return {
    /** A file the fake reads at `path`. */
    stageCsvFile: (path: string, text: string) => void staged.set(path, text),
    importRegisterCsv: async (id: string, register: Register, path: string, mapping: [string, string][], write: boolean): Promise<CsvImport> => {
      const text = staged.get(path);
      if (text === undefined) throw { kind: 'file', message: `${path}: no such file` };
      const [header = '', ...lines] = text.split(/\r?\n/);
      const known = await fields(register);
      const columns: ImportColumn[] = cells(header).map((column) => {
        const mapped = mapping.find(([c]) => normalised(c) === normalised(column));
        const wanted = mapped ? normalised(mapped[1]) : normalised(column);
        return { column, field: known.some((f) => f.name === wanted) ? wanted : null };
      });
      const problems: RowProblem[] = known
        .filter((f) => f.required && !columns.some((c) => c.field === f.name))
        .map((f) => ({ line: 1, field: f.name, message: 'required, and no column fills it; name a column for it' }));
      const rows = lines.map((line, i) => ({ line: i + 2, cells: cells(line) })).filter((r) => r.cells.some((c) => c.trim()));
      const entries: [string, string][][] = [];
      if (problems.length === 0) {
        for (const row of rows) {
          const pairs = columns.flatMap((c, i) => (c.field ? [[c.field, row.cells[i] ?? ''] as [string, string]] : []));
          const found = await check(id, register, pairs);
          problems.push(...found.map((p) => ({ line: row.line, field: p.field, message: p.message })));
          entries.push(pairs);
        }
      }
      const written = write && problems.length === 0;
      if (written) for (const pairs of entries) await add(id, register, pairs);
      return { columns, rows: rows.length, problems, written, added: rows.length, updated: 0, unchanged: 0 };
    },
  };
}
