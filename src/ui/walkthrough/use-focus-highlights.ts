// Marks what a checkpoint talks about (servers, clients, znodes, messages, recipe actors) with a
// data-wt-focus attribute that the stylesheet makes glow. React does not manage that attribute,
// so it survives re-renders; elements created later (a message sent, a znode created, a tab
// switched) are marked as they appear, through a MutationObserver.
import { useEffect } from 'react';
import type { FocusTarget } from '../../content/walkthroughs/types';

const ATTRIBUTE = 'data-wt-focus';

function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** CSS selectors of the elements that show a focus target. */
export function focusSelectors(target: FocusTarget): string[] {
  if ('server' in target) return [`[data-testid="server-${Math.trunc(target.server)}"]`];
  if ('client' in target) return [`[data-testid=${quoted(`client-${target.client}`)}]`, `[data-testid=${quoted(`session-${target.client}`)}]`];
  if ('znode' in target) return [`[data-testid="znode"][data-path=${quoted(target.znode)}]`];
  if ('message' in target) return [`.message[data-label=${quoted(target.message)}]`];
  return [`[data-actor=${quoted(target.actor)}]`];
}

export function useFocusHighlights(focus: readonly FocusTarget[] | null): void {
  const key = focus ? JSON.stringify(focus) : '';
  useEffect(() => {
    if (!key) return;
    const selector = (JSON.parse(key) as FocusTarget[]).flatMap(focusSelectors).join(', ');
    const marked = new Set<Element>();
    const mark = (): void => {
      for (const element of marked) if (!element.isConnected) marked.delete(element);
      for (const element of document.querySelectorAll(selector)) {
        if (!element.hasAttribute(ATTRIBUTE)) element.setAttribute(ATTRIBUTE, '');
        marked.add(element);
      }
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      for (const element of marked) element.removeAttribute(ATTRIBUTE);
    };
  }, [key]);
}
