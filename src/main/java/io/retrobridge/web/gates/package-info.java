/**
 * The deployment gate over HTTP: pipelines ask whether a release may proceed and poll the answer they were given.
 */
package io.retrobridge.web.gates;
