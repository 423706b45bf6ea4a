package org.diplomaticcontacts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DiplomaticContactsApplication {

    public static void main(String[] args) {
        SpringApplication.run(DiplomaticContactsApplication.class, args);
    }
}
