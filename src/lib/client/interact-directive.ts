/**
 * `client:interact`: hydrates an island on the reader's first pointer over it (a touch too) or
 * focus inside it, so that loading a page runs none of the island's JavaScript (Lighthouse's
 * total blocking time, issue 14). Registered in astro.config.mjs.
 */
import type { ClientDirective } from 'astro';

const EVENTS = ['pointerover', 'focusin'] as const;

const interact: ClientDirective = (load, _options, el) => {
  const start = async (event: Event) => {
    for (const type of EVENTS) el.removeEventListener(type, start);
    const hydrate = await load();
    await hydrate();
    // The pointer that woke the island came before its handlers: show it to them again.
    if (event.type === 'pointerover' && event.target instanceof Element && el.contains(event.target)) {
      event.target.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    }
  };
  for (const type of EVENTS) el.addEventListener(type, start);
};

export default interact;
