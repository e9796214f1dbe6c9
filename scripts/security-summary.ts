/**
 * Prints the attack suite's tally (written by tests/security/*.spec.ts on every run into
 * tests/security/results/) as the markdown table in the README's security section.
 */
import { readdirSync, readFileSync } from 'node:fs';

const dir = 'tests/security/results';
const rows: [string, number, number][] = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
	const tally = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as Record<string, { tried: number; held: number }>;
	for (const [kind, { tried, held }] of Object.entries(tally)) rows.push([kind, tried, held]);
}
const total = rows.reduce((sum, [, tried, held]) => [sum[0]! + tried, sum[1]! + held], [0, 0]);
console.log('| attack class | cases tried | held |\n|---|---:|---:|');
for (const [kind, tried, held] of rows) console.log(`| ${kind} | ${tried} | ${held} |`);
console.log(`| **all** | **${total[0]}** | **${total[1]}** |`);
