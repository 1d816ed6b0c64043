package cn.juece.ldap;

import java.util.List;

/**
 * A person as the directory has them: their entry's DN (full), user name, name, mail and title (null when absent),
 * and the full DNs of the groups they are a member of.
 */
record LdapEntry(String dn, String id, String name, String mail, String title, List<String> groupDns) {
}
