package cn.juece.identity;

/** A unit of a deciding organ: office, justice bureau, department or township. */
public record OrgUnit(String code, String organCode, String name, UnitKind kind) {
}
