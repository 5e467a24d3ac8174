package org.pruninglab.labkit.model;

/** What a named layer of a lab model is; only convolutions and linear layers have MACs. */
public enum LayerKind {
  CONV2D,
  LINEAR,
  BATCH_NORM,
  OTHER
}
