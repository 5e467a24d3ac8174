package org.pruninglab.labkit.model;

import ai.djl.ndarray.types.Shape;

/**
 * One layer of a model, with the shapes of one image flowing through it.
 *
 * @param macs multiply-accumulates for one image: conv {@code out_elems × in_ch × kh × kw}, linear
 *     {@code in × out}; 0 for other layers (torchprofile's convention for these layers)
 */
public record LayerInfo(
    String name, LayerKind kind, Shape inputShape, Shape outputShape, long macs) {}
