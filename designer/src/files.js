// Download .bpmn / .svg and print (the print stylesheet shows #print-area only).

import { $ } from './dom.js';

export function download(filename, content, type) {
  const blob = new Blob([ content ], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

/**
 * Puts an image of the diagram into #print-area (shown only when printing). An <img> keeps the
 * SVG's marker ids and the page's canvas styles (selection, validation markers) out of the print.
 */
export async function preparePrint(modeler, title) {
  const { svg } = await modeler.saveSVG();
  const area = $('print-area');
  area.replaceChildren();

  const heading = document.createElement('h1');
  heading.textContent = title || '';
  area.append(heading);

  const img = document.createElement('img');
  img.className = 'print-diagram';
  img.alt = title || 'diagram';
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
  area.append(img);
}
