import pg from "pg";

// What the English crawl counts as user data: every text value stored in the database — names, titles, the
// roadmap's rows, answers, the texts a school wrote — gathered from every text, varchar, text[] and jsonb column of
// the app's tables. Cyrillic on an English page is allowed where it is one of these (or a part of one: a line of a
// longer text, an initial of a name), and inside an element marked lang="ru" (a Russian document's own words, shown
// as they will be printed). Anything else is interface text the message files should have given in English.

const CYRILLIC = /\p{Script=Cyrillic}/u;
const WORDS = /\p{Script=Cyrillic}+/gu;
const norm = (s: string) => s.replace(/\s+/g, " ").trim();

type Column = { table_name: string; column_name: string; data_type: string };

function strings(value: unknown, out: string[]) {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) strings(v, out);
}

export class UserData {
  private readonly byFirstWord = new Map<string, string[]>();
  private readonly joined: string;
  private readonly words = new Set<string>();

  constructor(values: Iterable<string>) {
    const unique = [...new Set([...values].map(norm).filter((s) => CYRILLIC.test(s)))].sort((a, b) => b.length - a.length);
    for (const value of unique) {
      const first = value.match(WORDS)![0]!.toLowerCase();
      const list = this.byFirstWord.get(first) ?? [];
      list.push(value);
      this.byFirstWord.set(first, list);
    }
    this.joined = unique.join("\u0000");
    for (const value of unique) for (const word of value.match(WORDS)!) this.words.add(word);
  }

  static async load(databaseUrl: string): Promise<UserData> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows: columns } = await client.query<Column>(
        `SELECT table_name, column_name, data_type FROM information_schema.columns
          WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'ARRAY')`,
      );
      const values: string[] = [];
      for (const c of columns) {
        const { rows } = await client.query<{ v: unknown }>(`SELECT DISTINCT "${c.column_name}" AS v FROM "${c.table_name}" WHERE "${c.column_name}" IS NOT NULL`);
        for (const r of rows) strings(r.v, values);
      }
      return new UserData(values);
    } finally {
      await client.end();
    }
  }

  /** The text with every stored value it contains taken out, and the initials of names; "" when nothing Cyrillic is left. */
  residue(text: string): string {
    let rest = norm(text);
    if (!CYRILLIC.test(rest)) return "";
    if (this.joined.includes(rest)) return "";
    const words = new Set((rest.match(WORDS) ?? []).map((w) => w.toLowerCase()));
    const candidates = [...words].flatMap((w) => this.byFirstWord.get(w) ?? []).sort((a, b) => b.length - a.length);
    for (const value of candidates) if (rest.includes(value)) rest = rest.split(value).join(" ");
    // A quoted part of a stored value (a question quoted without its question mark).
    rest = rest.replace(/[“«"]([^”»"]+)[”»"]/g, (quote, inner: string) => (this.joined.includes(inner.trim()) ? " " : quote));
    // A name shortened to its initials («П.С. Андреев», «Андреев П. С.») from a full name stored in one value.
    const initials = /\p{Lu}\.\s?/gu;
    if (initials.test(rest)) rest = rest.replace(initials, " ").replace(/\p{Lu}\p{Ll}+/gu, (word) => (this.words.has(word) ? " " : word));
    return CYRILLIC.test(rest) ? norm(text) : "";
  }
}
