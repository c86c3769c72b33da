package gov.suggestions.testsupport;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

/**
 * Waits until a service's consumer group holds partitions of every topic it reads. A freshly started service
 * answers HTTP before its consumers have joined their group; an event sent in that gap is not lost (the group
 * starts from the earliest offset) but arrives after the join, which on a loaded machine can outlast a test's
 * wait. Tests that drive a service through the broker call this before sending.
 */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    public static void awaitAssigned(String bootstrapServers, String groupId, Duration atMost, String... topics) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        long deadline = System.nanoTime() + atMost.toNanos();
        Set<String> wanted = Set.copyOf(Arrays.asList(topics));
        String last = "not described yet";
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(List.of(groupId)).all()
                            .get(5, TimeUnit.SECONDS);
                    ConsumerGroupDescription group = groups.get(groupId);
                    Set<String> held = group.members().stream()
                            .flatMap(m -> m.assignment().topicPartitions().stream())
                            .map(tp -> tp.topic())
                            .collect(Collectors.toSet());
                    if (group.groupState() == GroupState.STABLE && held.containsAll(wanted)) {
                        return;
                    }
                    last = group.groupState() + ", holding " + held;
                } catch (ExecutionException | TimeoutException e) {
                    last = e.toString();
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("consumer group " + groupId + " did not take " + wanted + " within " + atMost + ": " + last);
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
