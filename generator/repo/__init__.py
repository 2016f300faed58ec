"""What the git repository says: history, approvals, code owners and calendar diffs (read-only)."""
