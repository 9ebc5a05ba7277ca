import type { ReactNode } from "react";

export type DocSection = { id: string; title: string; body: ReactNode };

// One docs page: its header, an "On this page" list (beside the text on wide screens, above it
// on narrow ones) and its sections, each heading a link target.
export function DocArticle({
  eyebrow,
  title,
  lead,
  sections,
}: {
  eyebrow: string;
  title: string;
  lead: ReactNode;
  sections: DocSection[];
}) {
  return (
    <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6 sm:py-16">
      <header className="max-w-3xl">
        <p className="text-sm font-semibold text-primary">{eyebrow}</p>
        <h1 className="mt-2 text-4xl font-bold tracking-tight text-balance sm:text-5xl">{title}</h1>
        <div className="mt-4 text-lg text-pretty text-muted-foreground">{lead}</div>
      </header>
      <div className="mt-12 grid min-w-0 grid-cols-1 gap-10 lg:grid-cols-[13rem_minmax(0,1fr)]">
        <nav
          aria-label="On this page"
          className="min-w-0 text-sm lg:sticky lg:top-20 lg:max-h-[calc(100dvh-6rem)] lg:self-start lg:overflow-y-auto"
        >
          <p className="font-semibold">On this page</p>
          <ul className="mt-2 space-y-1.5 border-l pl-3">
            {sections.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} className="text-muted-foreground hover:text-foreground hover:underline">
                  {s.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="min-w-0 space-y-14">
          {sections.map((s) => (
            <section key={s.id} id={s.id} aria-labelledby={`${s.id}-title`} className="scroll-mt-20">
              <h2 id={`${s.id}-title`} className="text-2xl font-bold tracking-tight">
                {s.title}
              </h2>
              <div className="mt-4 max-w-3xl space-y-4 text-pretty text-muted-foreground [&_:not(nav)>a]:font-medium [&_:not(nav)>a]:text-primary [&_:not(nav)>a]:underline [&_:not(nav)>a]:underline-offset-4 [&_:not(pre)>code]:font-mono [&_:not(pre)>code]:text-sm [&_:not(pre)>code]:text-foreground [&_strong]:text-foreground">
                {s.body}
              </div>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
