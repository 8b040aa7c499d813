/** A cart problem in words, with "Try again" when retrying can help. */
export function CartAlert({ message, retry }: { message: string; retry?: () => void }) {
  return (
    <div
      role="alert"
      className="mt-4 rounded-card border border-danger bg-danger-soft p-3 text-sm text-danger"
    >
      <p>{message}</p>
      {retry && (
        <button
          type="button"
          onClick={retry}
          className="mt-2 font-semibold underline underline-offset-2"
        >
          Try again
        </button>
      )}
    </div>
  );
}
