package cn.juece.identity;

import java.util.List;

/** A member of staff: their unit, title and roles. Their password lives in Camunda's identity service. */
public record Person(String id, String name, String unitCode, String title, List<Role> roles, List<String> portfolio) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
