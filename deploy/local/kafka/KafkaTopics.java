// Minimal topic tool for the local broker (the broker classpath has kafka-clients' Admin but not kafka-tools'
// TopicCommand). Run as a single-file program with the classpath up.sh cached:
//   java -cp "$(cat deploy/local/.run/kafka.classpath)" deploy/local/kafka/KafkaTopics.java list
//   ... KafkaTopics.java create <topic> [partitions, default 3]
//   ... KafkaTopics.java describe <topic>
//   ... KafkaTopics.java groups
// Bootstrap servers: $KAFKA_BOOTSTRAP_SERVERS, default 127.0.0.1:9092.
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

public class KafkaTopics {
    public static void main(String[] args) throws Exception {
        String bootstrap = Optional.ofNullable(System.getenv("KAFKA_BOOTSTRAP_SERVERS")).orElse("127.0.0.1:9092");
        if (args.length == 0) {
            usage();
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000))) {
            switch (args[0]) {
                case "list" -> admin.listTopics().names().get(20, TimeUnit.SECONDS).stream().sorted()
                        .forEach(System.out::println);
                case "create" -> {
                    if (args.length < 2) usage();
                    int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
                    try {
                        admin.createTopics(List.of(new NewTopic(args[1], partitions, (short) 1))).all()
                                .get(20, TimeUnit.SECONDS);
                        System.out.println("created " + args[1] + " (" + partitions + " partitions)");
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) throw e;
                        System.out.println("exists " + args[1]);
                    }
                }
                case "describe" -> {
                    if (args.length < 2) usage();
                    var d = admin.describeTopics(List.of(args[1])).allTopicNames().get(20, TimeUnit.SECONDS).get(args[1]);
                    System.out.println(d.name() + " id=" + d.topicId() + " partitions=" + d.partitions().size());
                    d.partitions().forEach(p -> System.out.println("  partition " + p.partition()
                            + " leader=" + p.leader().id() + " isr=" + p.isr().size()));
                }
                case "groups" -> admin.listGroups().all().get(20, TimeUnit.SECONDS).forEach(g ->
                        System.out.println(g.groupId() + " " + g.type().map(Object::toString).orElse("")
                                + " " + g.groupState().map(Object::toString).orElse("")));
                default -> usage();
            }
        }
    }

    private static void usage() {
        System.err.println("usage: KafkaTopics.java list | create <topic> [partitions] | describe <topic> | groups");
        System.exit(2);
    }
}
