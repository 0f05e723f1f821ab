'use strict';
/* global document -- the function given to page.evaluate runs in the page */
// Reading a test pattern off the page: the stand-in draws publishers and subscribers on canvases,
// so a test can tell a drawn, moving picture from a blank or frozen one.

/**
 * What the canvas inside `selector` shows now: its size, how many different colours a grid of
 * samples finds, and a checksum of those samples (which changes when the picture moves).
 */
function canvasInfo(page, selector) {
  return page.evaluate((sel) => {
    const canvas = document.querySelector(`${sel} canvas`);
    if (!canvas) return null;
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set();
    let checksum = 0;
    for (let y = 0; y < canvas.height; y += 4) {
      for (let x = 0; x < canvas.width; x += 4) {
        const offset = (y * canvas.width + x) * 4;
        const colour = (pixels[offset] << 16) | (pixels[offset + 1] << 8) | pixels[offset + 2];
        colours.add(colour);
        checksum = (checksum * 31 + colour) >>> 0;
      }
    }
    return { width: canvas.width, height: canvas.height, colours: colours.size, checksum };
  }, selector);
}

module.exports = { canvasInfo };
