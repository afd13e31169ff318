import { useEffect, useRef, type KeyboardEvent } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
}

/**
 * A modal dialog's keyboard manners: it takes the focus when it opens (its
 * first control, or the dialog itself), Tab and Shift+Tab stay inside it, Esc
 * closes it (unless `canClose` says not now), and the focus goes back to
 * where it was when it closes. Put `ref` on the dialog and `onKeyDown` on it
 * or its backdrop.
 */
export function useModal<T extends HTMLElement>(onClose: () => void, canClose: () => boolean = () => true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = ref.current;
    if (dialog && !dialog.contains(document.activeElement)) (dialog.querySelector<HTMLElement>('[autofocus]') ?? focusables(dialog)[0] ?? dialog).focus();
    // Esc works wherever the focus has gone (a download or a click on the backdrop can take it off the dialog).
    const onWindowKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && canCloseRef.current() && !ref.current?.contains(e.target as Node)) onCloseRef.current();
    };
    window.addEventListener('keydown', onWindowKey);
    return () => {
      window.removeEventListener('keydown', onWindowKey);
      if (opener && document.contains(opener)) opener.focus();
    };
  }, []);
  const onCloseRef = useRef(onClose);
  const canCloseRef = useRef(canClose);
  onCloseRef.current = onClose;
  canCloseRef.current = canClose;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      if (canClose()) onClose();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = focusables(ref.current);
    if (!items.length) {
      e.preventDefault();
      return;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const inside = ref.current.contains(document.activeElement);
    if (e.shiftKey && (document.activeElement === first || !inside)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (document.activeElement === last || !inside)) {
      e.preventDefault();
      first.focus();
    }
  };
  return { ref, onKeyDown };
}
