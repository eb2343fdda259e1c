package org.launchbench.optim;

import java.util.Arrays;

/** A growable list of index pairs: a sparsity pattern's off-diagonal entries. */
final class IndexPairs {
    int[] i = new int[256];
    int[] j = new int[256];
    int count;

    void add(int row, int column) {
        if (count == i.length) {
            i = Arrays.copyOf(i, 2 * count);
            j = Arrays.copyOf(j, 2 * count);
        }
        i[count] = row;
        j[count++] = column;
    }
}
