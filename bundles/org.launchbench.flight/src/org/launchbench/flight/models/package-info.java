/** The force-and-moment models a 6-DOF flight assembles: gravitation, aerodynamics, propulsion, control surfaces. */
package org.launchbench.flight.models;
