interface Props {
  message: string | null;
  onDismiss(): void;
}

/** A readable error that stays until dismissed and never replaces the user's screen. */
export function ErrorBanner({ message, onDismiss }: Props) {
  if (!message) return null;
  return (
    <div className="error-banner" role="alert">
      <span className="error-banner__text">{message}</span>
      <button type="button" className="button button--quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
