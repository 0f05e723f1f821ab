namespace OTStandIn {
  let sequence = 0;

  /** A new element ID, `OT_` and something unique, as OpenTok.js names the elements it creates. */
  export function newElementId(): string {
    sequence += 1;
    return `OT_${Math.random().toString(36).slice(2, 10)}_${sequence}`;
  }

  /** A CSS length: a number is pixels. */
  function cssLength(value: string | number | undefined, fallback: string): string {
    if (value === undefined || value === '') return fallback;
    return typeof value === 'number' ? `${value}px` : value;
  }

  /**
   * The element a publisher or subscriber goes into, found or created as OpenTok.js does:
   * `insertMode` `replace` (the default) empties the target element and uses it, `append` adds a
   * child to it, `before` and `after` add a sibling; without a target (or an ID that names no
   * element) a new element is appended to the page's body.
   */
  function containerFor(target: HTMLElement | string | undefined, insertMode: string | undefined): HTMLElement {
    let container: HTMLElement | null = null;
    if (typeof target === 'string') container = document.getElementById(target);
    else if (target instanceof HTMLElement) container = target;
    if (container === null) {
      const created = document.createElement('div');
      created.id = typeof target === 'string' && target.length > 0 ? target : newElementId();
      created.style.backgroundColor = '#000000';
      document.body.appendChild(created);
      return created;
    }
    if (!container.id) container.id = newElementId();
    if (insertMode === 'append' || insertMode === 'before' || insertMode === 'after') {
      const placeholder = document.createElement('div');
      placeholder.id = newElementId();
      if (insertMode === 'append') container.appendChild(placeholder);
      else if (container.parentNode) {
        container.parentNode.insertBefore(placeholder, insertMode === 'before' ? container : container.nextSibling);
      }
      return placeholder;
    }
    while (container.firstChild) container.removeChild(container.firstChild);
    return container;
  }

  /** A publisher's or subscriber's element on the page, showing a test pattern. */
  export interface Widget {
    readonly element: HTMLElement;
    /** Removes the element from the page and stops the pattern. */
    destroy(): void;
  }

  /**
   * Puts a widget showing `pattern` on the page, sized by `properties.width` and `height`
   * (default 264 x 198 pixels, as OpenTok.js), with the `OT_root` and `OT_publisher` /
   * `OT_subscriber` classes and an `OT_name` element with the name. `insertDefaultUI: false` puts nothing on the page.
   */
  export function createWidget(
    kind: 'publisher' | 'subscriber',
    target: HTMLElement | string | undefined,
    properties: OT.WidgetProperties,
    pattern: TestPattern,
    name: string,
  ): Widget | undefined {
    if (properties.insertDefaultUI === false) return undefined;
    const element = containerFor(target, properties.insertMode);
    element.classList.add('OT_root', kind === 'publisher' ? 'OT_publisher' : 'OT_subscriber', `OT_fit-mode-${properties.fitMode ?? 'cover'}`);
    element.style.width = cssLength(properties.width, '264px');
    element.style.height = cssLength(properties.height, '198px');
    element.style.overflow = 'hidden';
    if (!element.style.position) element.style.position = 'relative';
    const inner = document.createElement('div');
    inner.className = 'OT_widget-container';
    inner.style.cssText = 'width:100%;height:100%;';
    inner.appendChild(pattern.canvas);
    element.appendChild(inner);
    // The pattern draws the name; this element, as OpenTok.js's, lets the page (and tests) read it.
    const label = document.createElement('h1');
    label.className = 'OT_name OT_edge-bar-item';
    label.textContent = name;
    label.style.display = 'none';
    element.appendChild(label);
    element.dataset.otEmulator = kind;
    pattern.start();
    return {
      element,
      destroy(): void {
        pattern.stop();
        element.remove();
      },
    };
  }
}
