package cn.juece.ldap;

/** The directory did not answer, or refused the service account: nobody of the directory can be checked now. */
class LdapUnavailableException extends RuntimeException {

    LdapUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
