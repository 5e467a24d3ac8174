/** What a pruning result records: sparsity, parameter counts, size, MACs, speed, pictures. */
package org.pruninglab.labkit.metrics;
