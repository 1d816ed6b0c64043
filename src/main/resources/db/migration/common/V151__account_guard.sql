-- Sign-in hardening (issue 15, cn.juece.identity.SignInGuard): per account, not per address, so that one person's
-- failures never refuse another person's correct password (behind the county's proxy everyone has one address).
-- failures: consecutive wrong passwords since the last correct one or the last lock; locked_until: while in the
-- future the account is refused even with its correct password; sessions_revoked_at: "退出所有设备" — every session
-- of the account signed in before this instant is ended at its next request, on every node.
CREATE TABLE account_guard (
    user_id              VARCHAR(64) NOT NULL PRIMARY KEY,
    failures             INT         NOT NULL,
    locked_until         TIMESTAMP WITH TIME ZONE,
    sessions_revoked_at  TIMESTAMP WITH TIME ZONE
);
