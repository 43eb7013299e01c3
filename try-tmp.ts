import sharp from 'sharp';
import satori from 'satori';
import { readFileSync } from 'node:fs';
import { cardTree } from './src/lib/cards/layout.ts';
import { PNG_OPTIONS, stripOverflowMasks } from './src/lib/cards/render.ts';
sharp.concurrency(1);
const f = (n: string) => readFileSync(`node_modules/@fontsource/inter/files/${n}`);
const fonts = [
 { name: 'Inter latin', data: f('inter-latin-400-normal.woff'), weight: 400 as const, style: 'normal' as const },
 { name: 'Inter latin', data: f('inter-latin-700-normal.woff'), weight: 700 as const, style: 'normal' as const },
];
const tiny = 'data:image/png;base64,' + (await sharp(readFileSync('src/assets/icon.svg')).resize(40,40).png().toBuffer()).toString('base64');
const title = 'Model7: learning transformer attention sparse efficient language model vision graph neural diffusion scaling retrieval reasoning benchmark robust adaptive pruning quantization distillation multimodal';
const c: any = { kind: 'paper', site: 'Abstracta', title, shortName: 'Model7', topics: ['Efficient inference', 'Natural language processing'], date: '2025-03-18' };
const cpu = async (label: string, n: number, fn: () => Promise<any>) => { let r; const ts=[]; for (let i = 0; i < n; i++) { const t=process.cpuUsage(); r = await fn(); const d = process.cpuUsage(t); ts.push((d.user+d.system)/1000);} ts.sort((a,b)=>a-b); console.log('CPU', label, 'median', ts[n>>1].toFixed(1), 'min', ts[0].toFixed(1)); return r; };
const svg = stripOverflowMasks(await cpu('satori', 20, () => satori(cardTree(c, tiny, "'Inter latin'") as any, { width: 1200, height: 630, fonts })));
console.log(svg.length);
const raw = await cpu('raster', 20, () => sharp(Buffer.from(svg)).raw().toBuffer());
await cpu('encode c6', 20, () => sharp(raw, { raw: { width: 1200, height: 630, channels: 4 } }).png(PNG_OPTIONS).toBuffer());
await cpu('encode c6 rgb', 20, () => sharp(raw, { raw: { width: 1200, height: 630, channels: 4 } }).removeAlpha().png(PNG_OPTIONS).toBuffer());
await cpu('all', 20, () => sharp(Buffer.from(svg)).png(PNG_OPTIONS).toBuffer());
await cpu('all rgb', 20, () => sharp(Buffer.from(svg)).removeAlpha().png(PNG_OPTIONS).toBuffer());
const png = await sharp(Buffer.from(svg)).png(PNG_OPTIONS).toBuffer(); const png3 = await sharp(Buffer.from(svg)).removeAlpha().png(PNG_OPTIONS).toBuffer();
console.log(png.length, png3.length);
const wb = await cpu('satori no font cache? second array', 5, () => satori(cardTree(c, tiny, "'Inter latin'") as any, { width: 1200, height: 630, fonts: [...fonts] }));
