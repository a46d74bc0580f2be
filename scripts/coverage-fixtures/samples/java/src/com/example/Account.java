package com.example;

public class Account {
    private long balance;

    public void deposit(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount");
        }
        balance += amount;
    }

    public boolean withdraw(long amount) {
        if (amount > balance || amount <= 0) {
            return false;
        }
        balance -= amount;
        return true;
    }

    public long balance() {
        return balance;
    }

    public static void main(String[] args) {
        Account account = new Account();
        account.deposit(100);
        System.out.println(account.withdraw(30) + " " + account.balance());
    }
}
