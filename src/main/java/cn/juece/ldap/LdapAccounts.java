package cn.juece.ldap;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The directory's people (juece.directory_account): whose they are and which Camunda groups the directory gave them. */
@Repository
@WhenLdapEnabled
class LdapAccounts {

    record Account(String userId, String dn, Set<String> grantedGroups, OffsetDateTime syncedAt) {
    }

    private final JdbcClient jdbc;

    LdapAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM juece.directory_account WHERE user_id = ?").param(userId)
                .query(Long.class).single() > 0;
    }

    Optional<Account> find(String userId) {
        return jdbc.sql("SELECT user_id, dn, granted_groups, synced_at FROM juece.directory_account WHERE user_id = ?")
                .param(userId).query((rs, i) -> new Account(rs.getString(1), rs.getString(2), split(rs.getString(3)),
                        rs.getObject(4, OffsetDateTime.class))).optional();
    }

    List<Account> all() {
        return jdbc.sql("SELECT user_id, dn, granted_groups, synced_at FROM juece.directory_account ORDER BY user_id")
                .query((rs, i) -> new Account(rs.getString(1), rs.getString(2), split(rs.getString(3)),
                        rs.getObject(4, OffsetDateTime.class))).list();
    }

    void save(Account a) {
        String groups = String.join(",", a.grantedGroups());
        int updated = jdbc.sql("UPDATE juece.directory_account SET dn = ?, granted_groups = ?, synced_at = ? WHERE user_id = ?")
                .params(a.dn(), groups, a.syncedAt(), a.userId()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO juece.directory_account (user_id, dn, granted_groups, synced_at) VALUES (?, ?, ?, ?)")
                    .params(a.userId(), a.dn(), groups, a.syncedAt()).update();
        }
    }

    private static Set<String> split(String csv) {
        Set<String> set = new LinkedHashSet<>();
        if (csv != null) {
            Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(set::add);
        }
        return set;
    }
}
