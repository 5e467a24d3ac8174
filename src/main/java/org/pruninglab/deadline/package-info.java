/** Each student's effective deadline per exercise (the pack's, or an extension) and late policy. */
package org.pruninglab.deadline;
