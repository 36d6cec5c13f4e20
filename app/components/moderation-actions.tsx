/**
 * The three decisions of a moderation form (results/text-moderation.ts): approve as written,
 * approve the rewritten text, or set aside. Shared by written answers and workshop stories.
 */
export function ModerationActions({ labels }: { labels: { approve: string; anonymise: string; reject: string } }) {
  return (
    <div className="actions">
      <button type="submit" name="decision" value="approve">
        {labels.approve}
      </button>
      <button type="submit" name="decision" value="anonymise">
        {labels.anonymise}
      </button>
      <button type="submit" name="decision" value="reject" className="secondary">
        {labels.reject}
      </button>
    </div>
  );
}
