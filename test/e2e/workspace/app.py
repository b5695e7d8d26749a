print("hello from the e2e fixture")
