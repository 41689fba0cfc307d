package org.payswitch.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/**
 * The JMH fork of every switch benchmark: one fork, the parent pom's JVM flags
 * (<code>${jvm.flags}</code>) and a fixed heap. Generated at build time from
 * {@code src/main/java-templates}, so the flags are written once, in the parent pom.
 * Benchmarks extend this class and do not declare a {@code @Fork} of their own; JMH takes the
 * annotation from the superclass. {@code -jvmArgsAppend} on the command line replaces the heap only.
 */
@Fork(value = 1, jvmArgsPrepend = {"${jvm.flags.java}"}, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public abstract class SwitchFork
{
    /** The parent pom's JVM flags, one string. */
    public static final String JVM_FLAGS = "${jvm.flags}";
}
