/**
 * The lab kit's reference pruning: kthvalue selection, fine-grained (per tensor and global)
 * magnitude pruning with masks, 2:4 semi-structured masks, L1 filter pruning, and masks re-applied
 * after every optimiser step.
 */
package org.pruninglab.labkit.prune;
