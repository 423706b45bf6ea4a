package org.diplomaticcontacts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class DiplomaticContactsApplication {

    public static void main(String[] args) {
        SpringApplication.run(DiplomaticContactsApplication.class, args);
    }
}
