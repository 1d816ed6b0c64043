package cn.juece.identity;

/** A deciding organ (决策机关), e.g. 冠县人民政府 (code GX). */
public record Organ(String code, String name, String shortName, String officeUnit, String justiceUnit) {
}
