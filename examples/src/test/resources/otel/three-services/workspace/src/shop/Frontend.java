package shop;

/** The web frontend, run as a command: places one order and prints the confirmation. */
public class Frontend {

    public static void main(String[] args) throws Exception {
        System.out.println("confirmed: " + Http.post("ORDERS_PORT", "/orders", "mug"));
    }
}
