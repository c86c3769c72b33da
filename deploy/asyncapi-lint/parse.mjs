// Parses each AsyncAPI document named on the command line with the official parser and prints its diagnostics as JSON:
// [{ "document", "errors": [...], "warnings": [...] }]. Exit code 1 when any document has an error.
import { readFile } from 'node:fs/promises';
import { Parser, fromFile } from '@asyncapi/parser';

const severities = ['error', 'warning', 'info', 'hint'];
const parser = new Parser();
const results = [];
let failed = false;
for (const path of process.argv.slice(2)) {
  const { document, diagnostics } = await fromFile(parser, path).parse();
  const byCode = (severity) => diagnostics.filter((d) => severities[d.severity] === severity)
    .map((d) => ({ code: d.code, path: d.path.join('/'), message: d.message }));
  const errors = byCode('error');
  if (!document || errors.length > 0) {
    failed = true;
  }
  results.push({ document: path, parsed: Boolean(document), errors, warnings: byCode('warning'), infos: byCode('info'),
    hints: byCode('hint'), messages: document ? document.allMessages().length : 0 });
}
console.log(JSON.stringify(results, null, 2));
process.exit(failed ? 1 : 0);
