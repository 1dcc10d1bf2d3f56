/** The project's own client directive (src/lib/client/interact-directive.ts), typed for .astro files. */
import 'astro';

declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate on the reader's first pointer over the island or focus inside it. */
    'client:interact'?: boolean;
  }
}
