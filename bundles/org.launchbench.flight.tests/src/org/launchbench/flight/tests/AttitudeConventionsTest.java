package org.launchbench.flight.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.launchbench.flight.EulerAngles;
import org.launchbench.flight.InertiaTensor;
import org.launchbench.flight.Quaternion;

/** The attitude conventions of docs/flight-dynamics.md, checked on cases whose answer is known by hand. */
class AttitudeConventionsTest {

    /** 90° about z by the exponential map: x goes to y, and the logarithm gives the rotation back. */
    @Test
    void theExponentialOfARotationVectorTurnsByItsAngleAboutItsAxis() {
        Quaternion q = Quaternion.fromRotationVector(new Vector3D(0, 0, Math.PI / 2));
        assertVector(Vector3D.PLUS_J, q.toInertial(Vector3D.PLUS_I));
        assertVector(new Vector3D(0, 0, Math.PI / 2), q.rotationVector());
        Vector3D tiny = new Vector3D(1e-14, -2e-14, 3e-14);
        Vector3D back = Quaternion.fromRotationVector(tiny).rotationVector();
        assertEquals(0, tiny.subtract(back).getNorm(), 1e-28, "a tiny rotation keeps its value: " + back);
        // a rotation of more than π comes back as the shorter one the other way
        assertVector(new Vector3D(-0.5 * Math.PI, 0, 0), Quaternion.fromRotationVector(new Vector3D(1.5 * Math.PI, 0, 0)).rotationVector());
    }

    /** q1 ⊗ q2 rotates a body vector by q2 first, then q1; the conjugate undoes a rotation. */
    @Test
    void theProductComposesRotationsAndTheConjugateUndoesOne() {
        Quaternion a = Quaternion.fromRotationVector(new Vector3D(0.3, -1.1, 0.7));
        Quaternion b = Quaternion.fromRotationVector(new Vector3D(-0.4, 0.2, 0.9));
        Vector3D v = new Vector3D(1.5, -2, 0.25);
        assertVector(a.toInertial(b.toInertial(v)), a.multiply(b).toInertial(v));
        assertVector(v, a.conjugate().toInertial(a.toInertial(v)));
    }

    @Test
    void aNinetyDegreeYawPointsTheNoseEastAndTheRightWingSouth() {
        EulerAngles yaw90 = new EulerAngles(0, 0, Math.PI / 2);
        assertVector(new Vector3D(0, 1, 0), yaw90.bodyXInNed());
        assertVector(new Vector3D(-1, 0, 0), yaw90.bodyYInNed());
        assertVector(new Vector3D(0, 0, 1), yaw90.bodyZInNed());
    }

    @Test
    void aThirtyDegreePitchRaisesTheNoseAboveTheHorizon() {
        EulerAngles up = new EulerAngles(0, Math.toRadians(30), 0);
        // NED: "up" is negative down
        assertVector(new Vector3D(Math.cos(Math.toRadians(30)), 0, -0.5), up.bodyXInNed());
    }

    @Test
    void eulerAnglesSurviveTheRoundTripThroughTheBodyAxes() {
        EulerAngles e = new EulerAngles(Math.toRadians(-56.15), Math.toRadians(-3.82), Math.toRadians(171.3));
        EulerAngles back = EulerAngles.ofBodyAxesInNed(e.bodyXInNed(), e.bodyYInNed(), e.bodyZInNed());
        assertEquals(e.roll(), back.roll(), 1e-13);
        assertEquals(e.pitch(), back.pitch(), 1e-13);
        assertEquals(e.yaw(), back.yaw(), 1e-13);
    }

    @Test
    void aVerticalAttitudeGivesAnglesThatRebuildItsAxes() {
        // nose straight up or down: roll and yaw turn about the same axis; the angles must still give back the axes
        for (double pitch : new double[] {Math.PI / 2, -Math.PI / 2}) {
            EulerAngles e = new EulerAngles(0.3, pitch, 0.5);
            EulerAngles back = EulerAngles.ofBodyAxesInNed(e.bodyXInNed(), e.bodyYInNed(), e.bodyZInNed());
            assertEquals(0, back.yaw(), 0);
            assertVector(e.bodyXInNed(), back.bodyXInNed());
            assertVector(e.bodyYInNed(), back.bodyYInNed());
            assertVector(e.bodyZInNed(), back.bodyZInNed());
        }
    }

    @Test
    void theQuaternionOfThreeAxesRotatesTheUnitVectorsOntoThem() {
        EulerAngles e = new EulerAngles(0.3, -1.1, 2.9);
        Quaternion q = Quaternion.fromAxes(e.bodyXInNed(), e.bodyYInNed(), e.bodyZInNed());
        assertVector(e.bodyXInNed(), q.toInertial(Vector3D.PLUS_I));
        assertVector(e.bodyYInNed(), q.toInertial(Vector3D.PLUS_J));
        assertVector(e.bodyZInNed(), q.toInertial(Vector3D.PLUS_K));
        assertVector(Vector3D.PLUS_K, q.toBody(e.bodyZInNed()));
    }

    @Test
    void aTensorThatNoBodyCanHaveIsRecognised() {
        assertEquals(null, new InertiaTensor(1, 2, 3, 0, 0, 0).check());
        assertEquals("not positive definite", new InertiaTensor(1, -2, 3, 0, 0, 0).check());
        assertEquals("not positive definite", new InertiaTensor(1, 1, 1, 2, 0, 0).check());
        // principal moments 1, 1, 3: 1 + 1 < 3
        assertEquals(true, new InertiaTensor(1, 1, 3, 0, 0, 0).check().startsWith("not a physical body"));
    }

    @Test
    void theInverseTensorUndoesTheTensor() {
        InertiaTensor t = new InertiaTensor(3, 4, 5, 0.2, -0.1, 0.3);
        Vector3D w = new Vector3D(0.7, -1.3, 2.1);
        assertVector(w, t.inverse().times(t.times(w)));
    }

    private static void assertVector(Vector3D expected, Vector3D actual) {
        assertEquals(0, expected.subtract(actual).getNorm(), 1e-13, "expected " + expected + " got " + actual);
    }
}
