package org.launchbench.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The sparse matrix the solver works with: building, conversion, stacking. */
class SparseMatrixTest {

    /** Entries given in any order are sorted, a repeated column is summed, and sums of zero are dropped. */
    @Test
    void theBuilderSumsRepeatsAndDropsZeros() {
        SparseMatrix m = new SparseMatrix.Builder(4).row().add(3, 1).add(0, 2).add(3, 0.5)
            .row()
            .row().add(1, 1).add(1, -1).add(2, 7)
            .build();
        assertEquals(3, m.rows());
        assertEquals(3, m.nonzeros());
        assertArrayEquals(new double[] {2, 0, 0, 1.5}, m.toDense()[0]);
        assertArrayEquals(new double[4], m.toDense()[1]);
        assertArrayEquals(new double[] {0, 0, 7, 0}, m.toDense()[2]);
        assertEquals(7, m.get(2, 2));
        assertEquals(0, m.get(2, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> new SparseMatrix.Builder(2).row().add(2, 1));
    }

    /** Dense to sparse and back is the identity; stacking puts the rows of one below the other's. */
    @Test
    void denseRoundTripAndStacking() {
        double[][] top = {{0, 1, 0}, {2, 0, 3}};
        double[][] bottom = {{0, 0, 0}, {4, 5, 6}};
        SparseMatrix s = SparseMatrix.stack(SparseMatrix.fromDense(top, 3), SparseMatrix.fromDense(bottom, 3));
        assertEquals(4, s.rows());
        assertEquals(6, s.nonzeros());
        double[][] back = s.toDense();
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(top[i], back[i]);
            assertArrayEquals(bottom[i], back[2 + i]);
        }
        double[] out = new double[4];
        s.times(1, new double[] {1, 1, 1}, 0, out);
        assertArrayEquals(new double[] {1, 5, 0, 15}, out);
        double[] t = new double[3];
        s.transposeTimesAdd(1, new double[] {1, 1, 1, 1}, t);
        assertArrayEquals(new double[] {6, 6, 9}, t);
        assertThrows(IllegalArgumentException.class, () -> SparseMatrix.fromDense(new double[][] {{1, 2}}, 3));
    }
}
