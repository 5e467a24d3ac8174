package org.pruninglab.labkit.model;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;

/** A sequential block whose children have the names we give them ("conv1", "fc2", …). */
final class Layers extends SequentialBlock {

  Layers layer(String name, Block block) {
    addChildBlock(name, block);
    return this;
  }
}
