/**
 * The lab kit's reference pruning: kthvalue selection, fine-grained (per tensor and global)
 * magnitude pruning with masks, and masks re-applied after every optimiser step.
 */
package org.pruninglab.labkit.prune;
