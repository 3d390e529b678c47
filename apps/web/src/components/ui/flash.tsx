import { useLocation } from 'react-router';

/** A one-line success message, e.g. after a save. Nothing when there is no message. */
export function Flash({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p className="flash success" role="status">
      {message}
    </p>
  );
}

/** The message a previous page passed along with `navigate(to, { state: { flash } })`. */
export function useLocationFlash(): string | undefined {
  const location = useLocation();
  return (location.state as { flash?: string } | null)?.flash;
}

/** A form's error line (client validation or the server's message). Nothing when there is no error. */
export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
