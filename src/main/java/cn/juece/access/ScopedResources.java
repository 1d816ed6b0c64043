package cn.juece.access;

import java.util.List;

/** A feature's resources that belong to one decision each (see {@link ScopedResource}). */
public interface ScopedResources {

    List<ScopedResource> resources();
}
