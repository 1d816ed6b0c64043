package cn.juece.identity;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;

/** Sign-in refusals of directory people that are not a wrong password (see {@link SignInNotes}). */
final class DirectorySignInException {

    private DirectorySignInException() {
    }

    /** The LDAP directory could not be asked: a 503 on /api and the engine REST, its own line on the login page. */
    static final class Unavailable extends AuthenticationServiceException {
        Unavailable() {
            super("统一身份认证目录暂时无法连接，目录账号暂不能登录，请稍后再试。系统内置账号（如系统管理员）不受影响。");
        }
    }

    /** The directory knows the person, but none of their groups maps to one of our units. */
    static final class NoUnit extends BadCredentialsException {
        NoUnit() {
            super("您的目录账号未归属本系统的任何单位（所在目录组均未对应到本系统的单位），暂不能登录。请联系系统管理员。");
        }
    }
}
