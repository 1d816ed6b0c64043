package cn.juece.ldap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** The directory's beans exist only with {@code juece.directory.ldap.enabled=true}; without it nothing here runs. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnProperty(prefix = "juece.directory.ldap", name = "enabled", havingValue = "true")
@interface WhenLdapEnabled {
}
